package dev.lectern.web;

import static dev.lectern.web.Rendered.whenRendered;

import dev.lectern.web.page.ErrorPage;
import org.junit.jupiter.api.Test;

class ErrorTemplateTest {

    @Test
    void showsStatusHeadingMessageAndAWayHome() {
        whenRendered("error.jte", new ErrorPage(404, "No experiment 99"))
                .thenContains(
                        "<title>Not found · Lectern</title>",
                        "<p class=\"error-status\">404</p>",
                        "<h1>Not found</h1>",
                        "<p class=\"error-message\">No experiment 99</p>",
                        "<a href=\"/\">Back to the dashboard</a>");
    }

    @Test
    void aServerErrorHasAGenericHeading() {
        whenRendered("error.jte", new ErrorPage(500, "The server could not finish the request."))
                .thenContains("<h1>Something went wrong</h1>");
    }
}
