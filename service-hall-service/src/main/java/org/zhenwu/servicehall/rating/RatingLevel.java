package org.zhenwu.servicehall.rating;

/** The five levels of 好差评 (国办发〔2019〕51号); the bottom two are 差评. */
public enum RatingLevel {
    VERY_SATISFIED(5), SATISFIED(4), BASICALLY_SATISFIED(3), DISSATISFIED(2), VERY_DISSATISFIED(1);

    private final int score;

    RatingLevel(int score) {
        this.score = score;
    }

    public int score() {
        return score;
    }

    /** 差评: opens a rectification case. */
    public boolean negative() {
        return score <= 2;
    }
}
