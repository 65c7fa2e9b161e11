package news.masthead.tokens;

import news.masthead.kernel.sql.VersionedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;


@Entity
@Table(name = "api_tokens")
public class ApiToken extends VersionedEntity {

    public String name;
    @Enumerated(EnumType.STRING)
    public TokenRole role;
    /** SHA-256 of the secret, lower-case hex; the secret itself is never stored. */
    public String secretHash;
}
