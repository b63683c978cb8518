package dev.lectern.plugin.api.view;

import java.util.List;

/**
 * Pictures side by side: misclassified digits with their labels, a layer's filters, one digit's feature maps.
 *
 * @param title the heading
 * @param images the pictures, in display order
 */
public record ImageGallery(String title, List<Image> images) implements View {

    /**
     * Creates the record and copies the list.
     *
     * @param title the heading
     * @param images the pictures, in display order
     */
    public ImageGallery {
        images = List.copyOf(images);
    }
}
