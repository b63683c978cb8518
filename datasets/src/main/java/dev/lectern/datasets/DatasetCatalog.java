package dev.lectern.datasets;

import dev.lectern.plugin.api.DatasetKind;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An immutable, ordered list of data set specs with unique ids. */
public final class DatasetCatalog {

    private static final DatasetCatalog BUILT_IN = new DatasetCatalog(BuiltInDatasets.all());

    private final List<DatasetSpec> specs;

    /**
     * Creates a catalog.
     *
     * @param specs the entries, in display order
     * @throws IllegalArgumentException when two entries share an id
     */
    public DatasetCatalog(List<DatasetSpec> specs) {
        this.specs = List.copyOf(specs);
        Set<String> ids = new HashSet<>();
        for (DatasetSpec spec : this.specs) {
            if (!ids.add(spec.id())) {
                throw new IllegalArgumentException("duplicate data set id '" + spec.id() + "'");
            }
        }
    }

    /**
     * Returns the lecture data sets: the generated ones ({@code linear-synthetic} first), then the course files,
     * then MNIST ({@code mnist}).
     *
     * @return the built-in catalog
     */
    public static DatasetCatalog builtIn() {
        return BUILT_IN;
    }

    /**
     * Finds an entry by id.
     *
     * @param id the id
     * @return the entry, or empty when there is none
     */
    public Optional<DatasetSpec> find(String id) {
        return specs.stream().filter(spec -> spec.id().equals(id)).findFirst();
    }

    /**
     * Returns every entry in a stable order.
     *
     * @return the entries
     */
    public List<DatasetSpec> all() {
        return specs;
    }

    /**
     * Returns the entries a plugin accepting the given kinds can train on, in catalog order.
     *
     * @param kinds the accepted kinds
     * @return the matching entries
     */
    public List<DatasetSpec> ofKinds(Set<DatasetKind> kinds) {
        return specs.stream().filter(spec -> kinds.contains(spec.kind())).toList();
    }
}
