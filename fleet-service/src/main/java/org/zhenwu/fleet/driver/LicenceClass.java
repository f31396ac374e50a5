package org.zhenwu.fleet.driver;

/**
 * 准驾车型 of a Chinese driving licence (GB/T 驾驶证 classes), as far as official vehicles need them: the largest
 * passenger vehicle a class may drive, counted in approved seats including the driver's.
 */
public enum LicenceClass {
    /** 大型客车: any bus. */
    A1(Integer.MAX_VALUE),
    /** 牵引车: tractor units, plus everything B2 drives. */
    A2(9),
    /** 城市公交车: city buses, plus everything C1 drives. */
    A3(Integer.MAX_VALUE),
    /** 中型客车: up to 19 seats. */
    B1(19),
    /** 大型货车: trucks, plus everything C1 drives. */
    B2(9),
    /** 小型汽车: up to 9 seats. */
    C1(9),
    /** 小型自动挡汽车. */
    C2(9);

    private final int maxSeats;

    LicenceClass(int maxSeats) {
        this.maxSeats = maxSeats;
    }

    /** Whether this class may drive a vehicle with that many approved seats (unknown seats: a car). */
    public boolean drives(Integer seats) {
        return (seats == null ? 5 : seats) <= maxSeats;
    }
}
