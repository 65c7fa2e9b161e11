package news.masthead.spec;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints, once the whole suite has run, how many exchanges {@link SpecValidator} checked against the spec. */
public class SpecValidationReport implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        System.out.printf(
                "Spec validation: %d exchanges validated against openapi/openapi.yaml; "
                        + "%d matched no operation of it (health, metrics, the spec itself, unknown paths, 405s)%n",
                SpecValidator.count(SpecValidator.VALIDATED), SpecValidator.count(SpecValidator.UNMATCHED));
    }
}
