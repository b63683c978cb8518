package dev.lectern.web.page;

/**
 * Position in a paginated list.
 *
 * @param page the current page, from 1
 * @param pages the number of pages, at least 1
 * @param total the number of items
 * @param baseUrl the list's URL, to which {@code page=n} is appended
 */
public record Pager(int page, int pages, long total, String baseUrl) {

    /** Tells whether a previous page exists. */
    public boolean hasPrevious() {
        return page > 1;
    }

    /** Tells whether a next page exists. */
    public boolean hasNext() {
        return page < pages;
    }

    /** Returns the URL of page {@code n}. */
    public String url(int n) {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "page=" + n;
    }
}
