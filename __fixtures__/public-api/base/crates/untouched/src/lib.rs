pub fn stays() {}
