package news.masthead.kernel.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Володимир Зеленський | volodymyr-zelenskyi",
                "Російські війська відступили з Ізюма | rosiiski-viiska-vidstupyly-z-iziuma",
                "Юлія Тимошенко | yuliia-tymoshenko",
                "Згурівка, Київська область | zghurivka-kyivska-oblast",
                "Сім'я з Запоріжжя | simia-z-zaporizhzhia",
                "Сергей Лавров | serhei-lavrov",
                "Съезд в Объёме | sezd-v-obeme",
                "Łukasz Straße | lukasz-strasse",
                "Κυριάκος Μητσοτάκης | kyriakos-metsotakes",
                "محمد بن سلمان | mhmd-bn-slman",
                "习近平 | xi-jin-ping",
                "서울 | seoul",
                "Kyiv: Mayor's Address — Day 3 | kyiv-mayors-address-day-3",
                "Café Ørsted €5 | cafe-orsted-5",
            })
    void derivedSlugsTransliterateAnyScriptToReadableLatin(String text, String slug) {
        assertEquals(slug, Slugs.derive(text, "fallback"));
    }

    @Test
    void textWithNoLettersOrDigitsGivesTheFallback() {
        assertEquals("person", Slugs.derive("— ✓ —", "person"));
        assertEquals("person", Slugs.derive(null, "person"));
    }

    @Test
    void derivationIsSafeFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> slugs = IntStream.range(0, 2_000)
                    .mapToObj(i ->
                            pool.submit(() -> Slugs.derive(i % 2 == 0 ? "Володимир Зеленський" : "Łukasz Straße", "x")))
                    .toList();
            for (int i = 0; i < slugs.size(); i++) {
                assertEquals(
                        i % 2 == 0 ? "volodymyr-zelenskyi" : "lukasz-strasse",
                        slugs.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
