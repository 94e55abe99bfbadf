package cn.liaison.backend.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads an XLSX's first sheet as a spreadsheet shows it: each cell's text and its number format. */
final class XlsxFormats {

    /** A cell as shown: its text and the number format applied to it ("General" when none). */
    record Cell(String text, String format) {
    }

    private XlsxFormats() {
    }

    /** Every string of the workbook (shared strings and inline strings of all sheets). */
    static List<String> strings(byte[] xlsx) throws Exception {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> part : unzip(xlsx).entrySet()) {
            if (part.getKey().equals("xl/sharedStrings.xml") || part.getKey().startsWith("xl/worksheets/")) {
                NodeList texts = xml(part.getValue()).getElementsByTagName("t");
                for (int i = 0; i < texts.getLength(); i++) {
                    out.add(texts.item(i).getTextContent());
                }
            }
        }
        return out;
    }

    /** The first sheet's rows, each a map of header title → cell. */
    static List<Map<String, Cell>> firstSheet(byte[] xlsx) throws Exception {
        Map<String, byte[]> parts = unzip(xlsx);
        List<String> shared = new ArrayList<>();
        if (parts.containsKey("xl/sharedStrings.xml")) {
            NodeList items = xml(parts.get("xl/sharedStrings.xml")).getElementsByTagName("si");
            for (int i = 0; i < items.getLength(); i++) {
                shared.add(items.item(i).getTextContent());
            }
        }
        Document styles = xml(parts.get("xl/styles.xml"));
        Map<String, String> custom = new HashMap<>();
        NodeList fmts = styles.getElementsByTagName("numFmt");
        for (int i = 0; i < fmts.getLength(); i++) {
            Element f = (Element) fmts.item(i);
            custom.put(f.getAttribute("numFmtId"), f.getAttribute("formatCode"));
        }
        Element cellXfs = (Element) styles.getElementsByTagName("cellXfs").item(0);
        NodeList xfs = cellXfs.getElementsByTagName("xf");
        List<List<Cell>> grid = new ArrayList<>();
        NodeList rows = xml(parts.get("xl/worksheets/sheet1.xml")).getElementsByTagName("row");
        for (int r = 0; r < rows.getLength(); r++) {
            List<Cell> line = new ArrayList<>();
            NodeList cells = ((Element) rows.item(r)).getElementsByTagName("c");
            for (int c = 0; c < cells.getLength(); c++) {
                Element cell = (Element) cells.item(c);
                int column = column(cell.getAttribute("r"));
                while (line.size() < column) {
                    line.add(new Cell("", "General"));
                }
                NodeList v = cell.getElementsByTagName("v");
                String text = switch (cell.getAttribute("t")) {
                    case "s" -> shared.get(Integer.parseInt(v.item(0).getTextContent()));
                    case "inlineStr" -> cell.getElementsByTagName("is").item(0).getTextContent();
                    default -> v.getLength() == 0 ? "" : v.item(0).getTextContent();
                };
                String format = "General";
                if (!cell.getAttribute("s").isEmpty()) {
                    String id = ((Element) xfs.item(Integer.parseInt(cell.getAttribute("s")))).getAttribute("numFmtId");
                    format = custom.getOrDefault(id, switch (id) {
                        case "9" -> "0%";
                        case "10" -> "0.00%";
                        default -> "builtin " + id;
                    });
                }
                line.set(column - 1, new Cell(text, format));
            }
            grid.add(line);
        }
        List<Map<String, Cell>> out = new ArrayList<>();
        List<Cell> header = grid.get(0);
        for (List<Cell> line : grid.subList(1, grid.size())) {
            Map<String, Cell> row = new HashMap<>();
            for (int c = 0; c < line.size() && c < header.size(); c++) {
                row.put(header.get(c).text(), line.get(c));
            }
            out.add(row);
        }
        return out;
    }

    private static int column(String ref) {
        int column = 0;
        for (char ch : ref.toCharArray()) {
            if (!Character.isLetter(ch)) {
                break;
            }
            column = column * 26 + (ch - 'A' + 1);
        }
        return column;
    }

    /** Through the central directory, as spreadsheet programs read it (entries carry data descriptors). */
    private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("report", ".xlsx");
        Files.write(file, bytes);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, byte[]> parts = new HashMap<>();
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(e)) {
                    parts.put(e.getName(), in.readAllBytes());
                }
            }
            return parts;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }
}
