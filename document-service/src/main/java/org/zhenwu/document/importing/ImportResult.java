package org.zhenwu.document.importing;

/** Rows brought in, and rows skipped because their source id was already imported (a file can be sent again). */
public record ImportResult(int imported, int skipped) {
}
