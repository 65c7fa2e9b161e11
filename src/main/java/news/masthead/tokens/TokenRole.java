package news.masthead.tokens;

import news.masthead.kernel.auth.Role;

/** The roles a token can be given; lower-case, as in JSON and in the database. */
public enum TokenRole {
    editor(Role.EDITOR),
    admin(Role.ADMIN);

    private final Role role;

    TokenRole(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }
}
