package dev.lectern.server.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.plugin.api.LecturePlugin;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLoaderSafeLecturePluginTest {

    @Test
    void overridesEveryMethodOfThePluginApiSoNewDefaultMethodsAreNotSwallowed() {
        List<String> missing = Arrays.stream(LecturePlugin.class.getMethods())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> !declares(m))
                .map(Method::getName)
                .toList();
        assertThat(missing).as("LecturePlugin methods the decorator does not delegate").isEmpty();
    }

    private static boolean declares(Method method) {
        try {
            ClassLoaderSafeLecturePlugin.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
