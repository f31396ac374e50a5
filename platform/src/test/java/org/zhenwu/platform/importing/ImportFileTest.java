package org.zhenwu.platform.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class ImportFileTest {
    private final JsonMapper json = JsonMapper.builder().build();

    record Row(int line, String sourceId, String name) {
    }

    private static Row read(RowReader r) {
        String id = r.text("sourceId", 10, true);
        String name = r.text("name", 20, false);
        return r.ok() ? new Row(r.line(), id, name) : null;
    }

    @Test
    void csvQuotingDoubledQuotesBomAndBlankRows() {
        String body = "\uFEFFsourceId, name ,note\r\n"
                + "a1,\"Li, \"\"Wei\"\"\",\"two\nlines\"\r\n"
                + "\r\n"
                + "a2,,x\n";
        ImportFile file = ImportFile.csv(body, 10);
        assertThat(file.errors()).isEmpty();
        assertThat(file.firstLine()).isEqualTo(2);
        assertThat(file.records()).extracting(ImportRecord::line).containsExactly(2, 4);
        ImportRecord first = file.records().get(0);
        assertThat(first.get("sourceId")).isEqualTo("a1");
        assertThat(first.get("name")).isEqualTo("Li, \"Wei\"");
        assertThat(first.get("note")).isEqualTo("two\nlines");
        assertThat(file.records().get(1).get("name")).as("an empty cell is absent").isNull();
    }

    @Test
    void csvParserKeepsQuotedCommasAndTrailingCell() {
        assertThat(Csv.parse("a,\"b,c\",\"d\"\"\"\n1,2")).containsExactly(List.of("a", "b,c", "d\""), List.of("1", "2"));
        assertThat(Csv.parse("\uFEFFx")).containsExactly(List.of("x"));
        assertThat(Csv.parse("")).isEmpty();
    }

    @Test
    void emptyCsvAndHeaderOnly() {
        assertThat(ImportFile.csv("", 10).errors()).containsExactly(new RowError(1, "header", "the file is empty"));
        assertThat(ImportFile.csv("sourceId\n\n", 10).errors()).containsExactly(new RowError(2, "file", "has no rows"));
    }

    @Test
    void jsonLinesSkipBlankLinesAndReportALoneBadLine() {
        String body = "{\"sourceId\":\"a1\",\"name\":null,\"tags\":[\"x\",\"y\"],\"n\":3}\n\n{not json\r\n{\"sourceId\":\"a2\"}";
        ImportFile file = ImportFile.jsonLines(body, json, 10);
        assertThat(file.errors()).containsExactly(new RowError(3, "line", "is not a JSON object"));
        assertThat(file.records()).extracting(ImportRecord::line).containsExactly(1, 4);
        ImportRecord first = file.records().get(0);
        assertThat(first.get("name")).isNull();
        assertThat(first.get("tags")).isEqualTo("x;y");
        assertThat(first.get("n")).isEqualTo("3");
        assertThat(file.rows(ImportFileTest::read, Row::sourceId)).extracting(Row::sourceId).containsExactly("a1", "a2");
    }

    @Test
    void blankJsonFileHasNoRows() {
        assertThat(ImportFile.jsonLines("\n \n", json, 10).errors()).containsExactly(new RowError(1, "file", "has no rows"));
    }

    @Test
    void maxRows() {
        ImportFile csv = ImportFile.csv("sourceId\na\nb\nc\n", 2);
        assertThat(csv.records()).isEmpty();
        assertThat(csv.errors()).containsExactly(new RowError(2, "file", "at most 2 rows per file"));
        ImportFile json = ImportFile.jsonLines("{\"sourceId\":\"a\"}\n\n{\"sourceId\":\"b\"}", this.json, 2);
        assertThat(json.errors()).as("blank lines do not count").isEmpty();
        assertThat(ImportFile.jsonLines("{}\n{}\n{}", this.json, 2).errors())
                .containsExactly(new RowError(1, "file", "at most 2 rows per file"));
    }

    @Test
    void duplicateSourceIdsAmongGoodRowsAndEveryProblemCollected() {
        String body = "sourceId,name\na1,x\n,y\na1,z\n a2 ,w\na2,this name is far too long for it\n";
        ImportFile file = ImportFile.csv(body, 10);
        List<Row> rows = file.rows(ImportFileTest::read, Row::sourceId);
        assertThat(rows).extracting(Row::line).containsExactly(2, 5);
        assertThat(rows.get(1).sourceId()).as("stripped").isEqualTo("a2");
        assertThat(file.errors()).containsExactly(
                new RowError(3, "sourceId", "is required"),
                new RowError(4, "sourceId", "appears twice in this file"),
                new RowError(6, "name", "is longer than 20 characters"));
        assertThatThrownBy(file::rejectIfInvalid).isInstanceOfSatisfying(ImportRejected.class, e -> {
            assertThat(e.errors()).hasSize(3);
            assertThat(e).hasMessage("3 problem(s) in the import file; nothing was imported");
        });
    }

    @Test
    void aGoodFileIsNotRejected() {
        ImportFile file = ImportFile.csv("sourceId\na\n", 10);
        assertThat(file.rows(ImportFileTest::read, Row::sourceId)).hasSize(1);
        file.rejectIfInvalid();
    }
}
