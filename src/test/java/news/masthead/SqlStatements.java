package news.masthead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.masthead.kernel.sql.Reads;
import org.hibernate.SessionFactory;

/** SQL statements the service prepares, through Hibernate and on plain JDBC ({@link Reads}), since {@link #clear}. */
@ApplicationScoped
public class SqlStatements {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Reads reads;

    private long readsBefore;

    public void clear() {
        sessionFactory.getStatistics().clear();
        readsBefore = reads.statements();
    }

    public long count() {
        return sessionFactory.getStatistics().getPrepareStatementCount() + reads.statements() - readsBefore;
    }

    /** The statements {@code work} (e.g. one request) made. */
    public long during(Runnable work) {
        clear();
        work.run();
        return count();
    }
}
