package news.masthead.kernel.errors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Set;

/** Validates a request body (after a merge-patch too); violations become one 400 with every field. */
@ApplicationScoped
public class Validation {

    @Inject
    Validator validator;

    public <T> T valid(T value) {
        if (value == null) {
            throw new ApiException.InvalidRequest("A JSON object body is required.");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
