package cn.liaison.backend.acceptance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads an XLSX file the way a spreadsheet program must: a zip with a content-types part, a
 * workbook naming its sheets, their relationships, shared strings, and each sheet's cells. Fails on
 * anything missing or malformed. Cells are read as text (numbers as written).
 */
final class XlsxSheets {

    private XlsxSheets() {
    }

    /** Sheet name → rows (each a list of cell texts, empty string for a missing cell), in workbook order. */
    static Map<String, List<List<String>>> read(Path xlsx) throws Exception {
        Map<String, byte[]> parts = unzip(xlsx);
        for (String required : List.of("[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels")) {
            if (!parts.containsKey(required)) {
                throw new AssertionError("not an XLSX: no " + required + " in " + parts.keySet());
            }
        }
        Map<String, String> targets = new HashMap<>();
        NodeList rels = xml(parts.get("xl/_rels/workbook.xml.rels")).getElementsByTagName("Relationship");
        for (int i = 0; i < rels.getLength(); i++) {
            Element rel = (Element) rels.item(i);
            String target = rel.getAttribute("Target");
            targets.put(rel.getAttribute("Id"), target.startsWith("/") ? target.substring(1) : "xl/" + target);
        }
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            NodeList items = xml(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
            for (int i = 0; i < items.getLength(); i++) {
                shared.add(items.item(i).getTextContent());
            }
        }
        Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
        NodeList declared = xml(parts.get("xl/workbook.xml")).getElementsByTagName("sheet");
        for (int i = 0; i < declared.getLength(); i++) {
            Element sheet = (Element) declared.item(i);
            String part = targets.get(sheet.getAttribute("r:id"));
            if (part == null || !parts.containsKey(part)) {
                throw new AssertionError("sheet " + sheet.getAttribute("name") + " has no part (" + part + ")");
            }
            sheets.put(sheet.getAttribute("name"), cells(xml(parts.get(part)), shared));
        }
        return sheets;
    }

    private static List<List<String>> cells(Document sheet, List<String> shared) {
        TreeMap<Integer, TreeMap<Integer, String>> grid = new TreeMap<>();
        NodeList cells = sheet.getElementsByTagName("c");
        for (int i = 0; i < cells.getLength(); i++) {
            Element cell = (Element) cells.item(i);
            String ref = cell.getAttribute("r");
            int split = 0;
            while (split < ref.length() && Character.isLetter(ref.charAt(split))) {
                split++;
            }
            int column = 0;
            for (char c : ref.substring(0, split).toCharArray()) {
                column = column * 26 + (c - 'A' + 1);
            }
            int row = Integer.parseInt(ref.substring(split));
            String type = cell.getAttribute("t");
            NodeList v = cell.getElementsByTagName("v");
            String text = switch (type) {
                case "s" -> shared.get(Integer.parseInt(v.item(0).getTextContent()));
                case "inlineStr" -> cell.getElementsByTagName("is").item(0).getTextContent();
                default -> v.getLength() == 0 ? "" : v.item(0).getTextContent();
            };
            grid.computeIfAbsent(row, r -> new TreeMap<>()).put(column, text);
        }
        List<List<String>> rows = new ArrayList<>();
        grid.values().forEach(columns -> {
            List<String> row = new ArrayList<>();
            for (int c = 1; c <= columns.lastKey(); c++) {
                row.add(columns.getOrDefault(c, ""));
            }
            rows.add(row);
        });
        return rows;
    }

    /** Through the central directory, as spreadsheet programs read it (the file is kept for a look). */
    private static Map<String, byte[]> unzip(Path file) throws IOException {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    parts.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return parts;
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
