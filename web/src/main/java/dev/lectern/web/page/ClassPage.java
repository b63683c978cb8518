package dev.lectern.web.page;

/**
 * The teacher's class view of a lesson; its table and curves are filled and kept live by the page's script.
 *
 * @param id the lesson
 * @param code its short link's code
 * @param title its title
 * @param question its question, or empty
 * @param open whether it takes runs
 */
public record ClassPage(long id, String code, String title, String question, boolean open) {}
