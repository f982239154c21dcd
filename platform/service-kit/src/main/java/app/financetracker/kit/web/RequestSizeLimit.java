package app.financetracker.kit.web;

import app.financetracker.security.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body over {@code finance.max-request-size} (default 256 KB) with a 413 problem before it is read:
 * the same limit as the gateway's, for callers that reach a service directly.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    private final long limit;

    public RequestSizeLimit(DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            response.setStatus(413);
            response.setContentType(Problems.MEDIA_TYPE);
            response.getOutputStream().write(Problems.tooLarge(CallerLanguage.of(request), request.getRequestURI(), limit));
            return;
        }
        chain.doFilter(request, response);
    }
}
