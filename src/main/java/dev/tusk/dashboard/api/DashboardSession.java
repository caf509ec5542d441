package dev.tusk.dashboard.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/**
 * The dashboard's pages are served only within a session opened by the operator's credentials:
 * {@code POST /api/admin/dashboard/session} (HTTP Basic, like every {@code /api/admin} path, so
 * the realm checks them and the throttle of failed logins counts them) marks the HTTP session,
 * {@code DELETE} ends it. {@link DashboardPagesFilter} sends a page asked outside one to the login.
 */
@Path("api/admin/dashboard/session")
@RequestScoped
public class DashboardSession {
    static final String OPENED = "tusk.dashboard.session";

    @Context HttpServletRequest request;

    @POST
    public Response open() {
        request.getSession(true).setAttribute(OPENED, Boolean.TRUE);
        return Response.noContent().build();
    }

    @DELETE
    public Response close() {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return Response.noContent().build();
    }
}
