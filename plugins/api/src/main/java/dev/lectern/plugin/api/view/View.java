package dev.lectern.plugin.api.view;

/** A chart or table the workbench renders for a trained model. */
public sealed interface View
        permits XyChart, TableView, Heatmap, ConfusionMatrix, BarChart, ImageGallery, TextView, Formulas {

    /**
     * Returns the view's heading.
     *
     * @return the title
     */
    String title();
}
