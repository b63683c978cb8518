package dev.lectern.server.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A store test, run once on an H2 file database and once on PostgreSQL: the method takes a {@link TestDatabase}, a
 * fresh empty store for each run (see {@link TestDatabase} for where the PostgreSQL server comes from).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@ArgumentsSource(TestDatabase.Both.class)
public @interface StoreTest {}
