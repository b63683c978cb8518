package dev.lectern.web;

import static dev.lectern.web.Rendered.whenRendered;

import dev.lectern.web.page.DatasetClassCount;
import dev.lectern.web.page.DatasetColumn;
import dev.lectern.web.page.DatasetListPage;
import dev.lectern.web.page.DatasetPage;
import dev.lectern.web.page.DatasetPluginLink;
import dev.lectern.web.page.DatasetRow;
import dev.lectern.web.page.DatasetUploadForm;
import dev.lectern.web.page.KeyValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTemplateTest {

    private static final String EVIL = "<script>alert(1)</script>";
    private static final DatasetUploadForm EMPTY = DatasetUploadForm.empty("20 MB", 20L << 20);

    private static DatasetRow row(String id, String title, String source) {
        return new DatasetRow(id, title, "table", "97", "x → y", "about", source, "");
    }

    private static DatasetPage page(String title, String error, boolean uploaded) {
        return new DatasetPage(
                "mine",
                title,
                "about " + title,
                uploaded,
                List.of(new KeyValue("rows", "2")),
                List.of(
                        new DatasetColumn(1, "x", "feature", "1", "3", "2", "1.41421", "0"),
                        new DatasetColumn(2, title, "label", "0", "1", "0.5", "0.707107", "0")),
                List.of(List.of("1", "0"), List.of("3", "1")),
                "2",
                List.of(new DatasetClassCount("0", "1", "50.0 %"), new DatasetClassCount("1", "1", "50.0 %")),
                title,
                1,
                2,
                List.of(new DatasetPluginLink("logistic-regression", "Logistic regression")),
                error);
    }

    @Test
    void theListHasTheUploadFormWithItsFieldsAndTheNavLinkIsCurrent() {
        whenRendered(
                        "datasets/index.jte",
                        new DatasetListPage(List.of(row("xor", "XOR", "generated")), List.of(), EMPTY))
                .thenContains(
                        "<form method=\"post\" action=\"/datasets\" enctype=\"multipart/form-data\" id=\"upload-form\"",
                        "data-max-bytes=\"20971520\"",
                        "type=\"file\" name=\"file\" id=\"file\"",
                        "name=\"name\" id=\"upload-name\"",
                        "name=\"label\" id=\"label\"",
                        "id=\"upload\"",
                        "<a href=\"/datasets\" aria-current=\"page\">Data sets</a>",
                        "href=\"/datasets/xor\"",
                        "id=\"uploads-empty\"")
                .thenDoesNotContain("id=\"error-file\"");
    }

    @Test
    void uploadErrorsAreShownBesideTheirFieldsAndEscaped() {
        DatasetUploadForm form =
                new DatasetUploadForm(EVIL, "\"><b>", "line 3, column 2: " + EVIL, "", "bad label", "20 MB", 1, "text");
        Rendered rendered = whenRendered("datasets/index.jte", new DatasetListPage(List.of(), List.of(), form))
                .thenContains(
                        "<p class=\"field-error\" id=\"error-file\" role=\"alert\">line 3, column 2: &lt;script&gt;",
                        "id=\"error-label\">bad label</p>",
                        "aria-invalid=\"true\"")
                .thenDoesNotContain("<script>alert", "\"><b>");
        rendered.tagWith("id=\"upload-name\"");
    }

    @Test
    void aDataSetPageShowsRowsStatsClassesPlotTrainLinksAndDeleteForUploads() {
        whenRendered("datasets/show.jte", page("class", "", true))
                .thenContains(
                        "id=\"rows\"",
                        "id=\"stats\"",
                        "id=\"classes\"",
                        "<canvas id=\"scatter\"",
                        "data-src=\"/api/datasets/mine/columns\"",
                        "<select id=\"x-column\">",
                        "<select id=\"y-column\">",
                        "<option value=\"2\" selected>class</option>",
                        "href=\"/plugins/logistic-regression?dataset=mine\"",
                        "id=\"delete-form\"",
                        "action=\"/datasets/mine/delete\"",
                        "All 2 rows.",
                        "/js/dataset.js")
                .thenContainsInOrder("id=\"rows\"", "<td class=\"num\">3</td>", "<td class=\"num\">1</td>");
    }

    @Test
    void builtInsHaveNoDeleteAndAnUnloadableDataSetSaysWhyInsteadOfAPlot() {
        whenRendered("datasets/show.jte", page("class", "data set 'mine' is not available: offline", false))
                .thenContains("id=\"load-error\"", "is not available: offline")
                .thenDoesNotContain("id=\"delete-form\"", "id=\"scatter\"", "id=\"rows\"");
    }

    @Test
    void userTextOnTheDataSetPageIsEscaped() {
        whenRendered("datasets/show.jte", page(EVIL, "", true))
                .thenContains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .thenDoesNotContain("<script>alert");
    }
}
