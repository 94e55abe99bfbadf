package cn.liaison.kb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSON-lines file (or standard input for "-"); blank lines are skipped. */
final class JsonLines {
    /** One parsed line and where it came from. */
    record Line(String file, int number, JsonNode node) {
        String text(String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                throw new KbCli.InputException(file, number, "expected a non-empty string \"" + field + "\"");
            }
            return value.asText();
        }

        /** A string field that may also be null (or absent). */
        String nullableText(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            return text(field);
        }
    }

    private JsonLines() {
    }

    static List<Line> read(String file) {
        try (BufferedReader reader = file.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            List<Line> lines = new ArrayList<>();
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = Json.MAPPER.readTree(text);
                    if (!node.isObject()) {
                        throw new KbCli.InputException(file, number, "expected a JSON object");
                    }
                    lines.add(new Line(file, number, node));
                } catch (JsonProcessingException e) {
                    throw new KbCli.InputException(file, number, "not JSON: " + e.getOriginalMessage());
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
