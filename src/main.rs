fn main() {
    cocon::start();
}
