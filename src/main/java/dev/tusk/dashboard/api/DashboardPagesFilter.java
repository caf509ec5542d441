package dev.tusk.dashboard.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;

/** A dashboard page outside an operator's session ({@link DashboardSession}) is a redirect to the login page. */
@WebFilter("/admin/*")
public class DashboardPagesFilter extends HttpFilter {
    /** What the login page itself needs. */
    private static final Set<String> OPEN = Set.of("/admin/login.html", "/admin/dashboard.css", "/admin/dashboard.js");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        HttpSession session = request.getSession(false);
        if (OPEN.contains(path) || (session != null && session.getAttribute(DashboardSession.OPENED) != null)) {
            chain.doFilter(request, response);
        } else {
            response.sendRedirect(request.getContextPath() + "/admin/login.html");
        }
    }
}
