package dev.orderflow.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupCachesTest {

    static final List<String> OPTIONS = List.of("-Xmx256m");

    @TempDir
    Path dir;

    StartupCaches caches(int javaMajor, boolean disabled) {
        return new StartupCaches(dir.resolve("cache"), dir.resolve("logs"), "java", javaMajor, disabled);
    }

    Path jar(String content) throws Exception {
        return Files.writeString(dir.resolve("order-service-0.1.0.jar"), content);
    }

    @Test
    void aServiceStartsFromItsJarUntilACacheIsReadyForIt() throws Exception {
        Path jar = jar("v1");

        assertThat(caches(25, false).needed("order-service", jar, OPTIONS)).isTrue();
        assertThat(caches(25, false).launch("order-service", jar, OPTIONS))
                .isEqualTo(new StartupCaches.Launch(jar, List.of()));
    }

    @Test
    void aReadyCacheIsUsedForTheSameJarJdkAndOptionsOnly() throws Exception {
        Path jar = jar("v1");
        Path cache = Files.createDirectories(dir.resolve("cache/order-service"));
        Files.writeString(cache.resolve("ready"), StartupCaches.key(List.of(jar), OPTIONS) + "\n");

        assertThat(caches(25, false).needed("order-service", jar, OPTIONS)).isFalse();
        assertThat(caches(25, false).launch("order-service", jar, OPTIONS))
                .isEqualTo(new StartupCaches.Launch(
                        cache.resolve("app/order-service-0.1.0.jar"),
                        List.of("-XX:AOTCache=" + cache.resolve("app.aot"))));
        assertThat(caches(21, false).launch("order-service", jar, OPTIONS).cacheOptions())
                .containsExactly("-XX:SharedArchiveFile=" + cache.resolve("app.jsa"));
        assertThat(caches(25, false).needed("order-service", jar, List.of("-Xmx512m")))
                .isTrue();

        jar("v2");
        assertThat(caches(25, false).needed("order-service", jar, OPTIONS)).isTrue();
    }

    @Test
    void aCacheThatCouldNotBeMadeIsNotTriedAgainForThatJar() throws Exception {
        Path jar = jar("v1");
        Path cache = Files.createDirectories(dir.resolve("cache/order-service"));
        Files.writeString(cache.resolve("failed"), StartupCaches.key(List.of(jar), OPTIONS) + "\n");

        assertThat(caches(25, false).needed("order-service", jar, OPTIONS)).isFalse();
        jar("v2");
        assertThat(caches(25, false).needed("order-service", jar, OPTIONS)).isTrue();
    }

    @Test
    void stackNoCacheMeansNone() throws Exception {
        assertThat(caches(25, true).needed("order-service", jar("v1"), OPTIONS)).isFalse();
        assertThat(caches(25, true).kafkaOptions(List.of(jar("v1")), OPTIONS)).isEmpty();
    }

    @Test
    void theBrokerRecordsItsCacheOnceAndStartsFromItWhenItWasWritten() throws Exception {
        List<Path> classPath = List.of(jar("kafka"));
        Path log = Files.createDirectories(dir.resolve("logs")).resolve("kafka.log");

        assertThat(caches(25, false).kafkaOptions(classPath, OPTIONS))
                .containsExactly("-XX:AOTCacheOutput=" + dir.resolve("cache/kafka/kafka.aot"));
        Files.writeString(dir.resolve("cache/kafka/kafka.aot"), "cache");
        Files.writeString(log, "[1.2s] AOTCache creation is complete: kafka.aot\n");
        caches(25, false).kafkaStopped(log);

        assertThat(caches(25, false).kafkaOptions(classPath, OPTIONS))
                .containsExactly("-XX:AOTCache=" + dir.resolve("cache/kafka/kafka.aot"));
        assertThat(caches(21, false).kafkaOptions(classPath, OPTIONS)).isEmpty();
    }

    @Test
    void aBrokerThatDidNotWriteItsCacheLeavesNoHalfWrittenOne() throws Exception {
        List<Path> classPath = List.of(jar("kafka"));
        Path log = Files.createDirectories(dir.resolve("logs")).resolve("kafka.log");
        caches(25, false).kafkaOptions(classPath, OPTIONS);
        Files.writeString(dir.resolve("cache/kafka/kafka.aot"), "half");
        Files.writeString(log, "killed\n");

        caches(25, false).kafkaStopped(log);

        assertThat(dir.resolve("cache/kafka/kafka.aot")).doesNotExist();
        assertThat(dir.resolve("cache/kafka/recording")).doesNotExist();
        assertThat(caches(25, false).kafkaOptions(classPath, OPTIONS))
                .first()
                .asString()
                .startsWith("-XX:AOTCacheOutput=");
    }
}
