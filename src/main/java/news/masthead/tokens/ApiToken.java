package news.masthead.tokens;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import news.masthead.kernel.sql.VersionedEntity;

@Entity
@Table(name = "api_tokens")
public class ApiToken extends VersionedEntity {

    public String name;

    @Enumerated(EnumType.STRING)
    public TokenRole role;
    /** SHA-256 of the secret, lower-case hex; the secret itself is never stored. */
    public String secretHash;
}
