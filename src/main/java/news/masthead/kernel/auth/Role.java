package news.masthead.kernel.auth;

/** What a caller may do; each role includes the ones before it. */
public enum Role {
    /** Anyone: reads visible content, posts reader comments. */
    PUBLIC,
    /** Creates, changes and deletes content; moderates comments; sees everything. */
    EDITOR,
    /** Also manages API tokens. */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
