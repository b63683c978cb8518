package dev.lectern.web.page;

import java.util.List;

/**
 * The data sets page: the built-in catalog, the uploads, and the upload form.
 *
 * @param builtIn the built-in data sets, generated ones first
 * @param uploads the uploaded data sets, oldest first
 * @param form the upload form
 */
public record DatasetListPage(List<DatasetRow> builtIn, List<DatasetRow> uploads, DatasetUploadForm form) {}
