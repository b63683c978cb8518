package dev.lectern.server.experiment;

import java.util.List;

/**
 * The answer of {@code PATCH /api/experiments/{id}}: what a person may change about a run.
 *
 * @param id the run
 * @param name its name
 * @param tags its tags
 * @param notes its notes (Markdown)
 */
public record RunLabelsView(long id, String name, List<String> tags, String notes) {}
