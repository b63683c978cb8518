package dev.lectern.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.server.access.Role;
import dev.lectern.server.store.Database;
import dev.lectern.server.store.Jdbc;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lectern user add}: a teacher with the password read from standard input (not a terminal, as in a script),
 * a student with a generated one-time password printed once, and a usage line for a command without a role.
 * AccountsIT runs the real jar for the teacher's case; this covers the student and the generated password too.
 */
class UserCommandTest {

    private record Result(int code, String out, String err) {}

    private static Result run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = UserCommand.run(
                args,
                Map.of(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Optional<UserStore.User> authenticate(Path dataDir, String name, String password) {
        try (Database database = Database.open(
                "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("lectern"))) {
            return new UserStore(new Jdbc(database.dataSource())).authenticate(name, password);
        }
    }

    @Test
    void addsATeacherFromStdinAndAStudentWithAOneTimePassword(@TempDir Path dataDir) {
        Result teacher = run("chalk-and-talk\n", "add", "--teacher", "ada", "--data-dir", dataDir.toString());
        assertThat(teacher.code()).as(teacher.err()).isZero();
        assertThat(teacher.out()).contains("added teacher ada").doesNotContain("chalk-and-talk");

        Result student = run("", "add", "--student", "bob", "--data-dir", dataDir.toString());
        assertThat(student.code()).as(student.err()).isZero();
        Matcher printed = Pattern.compile("added student bob with the one-time password (\\S+) ")
                .matcher(student.out());
        assertThat(printed.find()).as(student.out()).isTrue();

        UserStore.User ada = authenticate(dataDir, "ada", "chalk-and-talk").orElseThrow();
        assertThat(ada.role()).isEqualTo(Role.TEACHER);
        assertThat(ada.mustChangePassword()).isFalse();
        UserStore.User bob = authenticate(dataDir, "bob", printed.group(1)).orElseThrow();
        assertThat(bob.role()).isEqualTo(Role.STUDENT);
        assertThat(bob.mustChangePassword())
                .as("a generated password is changed at the first sign-in")
                .isTrue();

        Result taken = run("another-password\n", "add", "--student", "bob", "--data-dir", dataDir.toString());
        assertThat(taken.code()).isEqualTo(1);
        assertThat(taken.err()).contains("already a user named 'bob'");
    }

    @Test
    void withoutARoleItPrintsTheUsage(@TempDir Path dataDir) {
        Result noRole = run("", "add", "carol", "--data-dir", dataDir.toString());
        assertThat(noRole.code()).isEqualTo(2);
        assertThat(noRole.err()).contains("usage: lectern user add --teacher|--student NAME");
    }
}
