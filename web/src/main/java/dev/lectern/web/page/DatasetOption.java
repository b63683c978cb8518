package dev.lectern.web.page;

/**
 * A data set offered in a form.
 *
 * @param id the data set id
 * @param title the title
 * @param description a sentence about it
 * @param selected whether it is the current choice
 */
public record DatasetOption(String id, String title, String description, boolean selected) {}
