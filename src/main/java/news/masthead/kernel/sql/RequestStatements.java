package news.masthead.kernel.sql;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import news.masthead.kernel.http.ResponseKeys;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/** Tells the request each Hibernate statement it runs ({@link ResponseKeys#statement}), as {@link Reads} does its own. */
@PersistenceUnitExtension
public class RequestStatements implements StatementInspector {

    @Override
    public String inspect(String sql) {
        ResponseKeys.statement();
        return sql;
    }
}
