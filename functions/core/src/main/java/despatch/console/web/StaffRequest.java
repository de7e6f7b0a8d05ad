package despatch.console.web;

import despatch.console.StaffRole;
import despatch.console.StaffSession;
import despatch.console.StaffSessions;
import despatch.subscription.web.FormEncoding;
import despatch.subscription.web.WebRequest;
import java.util.List;

/** A request from someone signed in: the request, and the session its cookie carries. One request, one thread. */
final class StaffRequest {
    private final WebRequest request;
    private final StaffSession session;
    /** An upload form's parts, read from the body once: the CSRF check and the route both ask. */
    private MultipartForm multipart;

    StaffRequest(WebRequest request, StaffSession session) {
        this.request = request;
        this.session = session;
    }

    WebRequest request() {
        return request;
    }

    StaffSession session() {
        return session;
    }

    String path() {
        return request.path();
    }

    boolean isGet() {
        return request.method().equals("GET");
    }

    boolean isPost() {
        return request.method().equals("POST");
    }

    boolean may(StaffRole role) {
        return session.who().may(role);
    }

    /** The form's CSRF token is the session's: the post came from one of this person's console pages. */
    boolean carriesCsrfToken() {
        return request.method().equals("POST") && StaffSessions.csrfMatches(session, formValue("csrf"));
    }

    /** The first value of a form field, or null; from an upload form's parts too. */
    String formValue(String name) {
        if (MultipartForm.isMultipart(request.header("content-type"))) {
            return multipart().field(name).orElse(null);
        }
        return FormEncoding.parse(request.body()).getOrDefault(name, List.of()).stream().findFirst().orElse(null);
    }

    /** The body as an upload form's parts (none, if it is not one). */
    MultipartForm multipart() {
        if (multipart == null) {
            multipart = MultipartForm.parse(request.header("content-type"), request.body());
        }
        return multipart;
    }

    /** The first value of a query parameter, or null. */
    String queryValue(String name) {
        return request.query().getOrDefault(name, List.of()).stream().findFirst().orElse(null);
    }

    ConsoleFrame frame(String current) {
        return ConsoleFrame.of(session, current);
    }
}
