pub fn total() -> u32 {
    let sum = fx_noisy_a::value() + fx_noisy_b::value() + fx_noisy_c::value();
    let text_1: String = 1;
    let text_2: String = 2;
    let text_3: String = 3;
    let text_4: String = 4;
    let text_5: String = 5;
    let text_6: String = 6;
    let text_7: String = 7;
    let text_8: String = 8;
    let text_9: String = 9;
    let text_10: String = 10;
    let text_11: String = 11;
    let text_12: String = 12;
    sum
}
