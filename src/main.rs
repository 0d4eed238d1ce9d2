fn main() {
    sco_timeline::start();
}
