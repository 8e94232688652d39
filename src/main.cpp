// The alis executable: a thin front that hands each subcommand to src/cli/.
#include "cli/commands.hpp"

int main(int argc, char** argv) {
    return alis::cli::run(argc, argv);
}
