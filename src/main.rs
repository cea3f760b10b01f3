fn main() {
    println!("citcert: under construction");
}
