package news.masthead.kernel.auth;

import jakarta.enterprise.context.RequestScoped;

/** Who is making the current request, as established by {@link AuthFilter}. */
@RequestScoped
public class Caller {

    private Role role = Role.PUBLIC;

    void set(Role role) {
        this.role = role;
    }

    /** Work done outside an HTTP request (a webhook delivery) acts with this role for the rest of its request context. */
    public void actAs(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }

    /** Editors and admins see drafts, unapproved comments and e-mail addresses. */
    public boolean isEditor() {
        return role.includes(Role.EDITOR);
    }
}
