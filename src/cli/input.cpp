#include "cli/input.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "domain/toml_reader.hpp"
#include "web/messages.hpp"

namespace alis::cli {
namespace {

std::string read_all(std::istream& in) {
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

std::string read_input_file(const std::string& name, std::istream& in) {
    if (name == "-") {
        return read_all(in);
    }
    std::error_code ec;
    if (std::filesystem::is_directory(name, ec)) {
        throw BadInput{"cli.input.directory", {{"file", name}}};
    }
    std::ifstream file(name, std::ios::binary);
    if (!file) {
        throw BadInput{"cli.input.unreadable", {{"file", name}}};
    }
    return read_all(file);
}

std::string one_line(std::string text) {
    for (char& c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            c = ' ';
        }
    }
    return text;
}

void write_message(std::string_view key, const boost::json::object& args, std::ostream& err) {
    const web::Catalogue catalogue("nb");
    err << "alis: " << one_line(catalogue.format(key, args)) << "\n";
}

std::optional<std::string> missing_sqlite_file(const std::string& url) {
    if (url.starts_with("sqlite:") && !std::filesystem::exists(url.substr(7))) {
        return url.substr(7);
    }
    return std::nullopt;
}

int report_bad_input(const BadInput& bad, std::ostream& err) {
    write_message(bad.key, bad.args, err);
    return 2;
}

int report_internal_error(std::string_view what, std::ostream& err) {
    err << "alis: internal error: " << one_line(std::string(what)) << "\n";
    return 1;
}

BadInput data_file_error(const std::exception& error) {
    const auto* file = dynamic_cast<const domain::DataFileError*>(&error);
    if (file == nullptr) {
        return {"data_file.other", {{"text", error.what()}}};
    }
    return {"data_file." + std::string(domain::to_string(file->problem())),
            {{"file", file->file()}, {"key", file->key()}, {"reason", file->reason()}}};
}

CLI::App* add_file_command(CLI::App& parent, const std::string& name,
                           const std::string& description, const std::string& file_help,
                           const std::vector<std::string>& formats, int& exit_code,
                           FileCommand command) {
    auto input = std::make_shared<FileInput>();
    auto* subcommand = parent.add_subcommand(name, description);
    if (!formats.empty()) {
        input->format = formats.front();
        std::string choices;
        for (const std::string& format : formats) {
            choices += (choices.empty() ? "" : " or ") + format;
        }
        subcommand
            ->add_option("--format", input->format,
                         "Output format: " + choices + " (default " + formats.front() + ")")
            ->check(CLI::IsMember(formats));
    }
    subcommand->add_option("FILE", input->name, file_help + ", or - for stdin")->required();
    subcommand->callback([input, command, &exit_code] {
        try {
            std::cout << command(read_input_file(input->name, std::cin), *input, std::cerr);
            std::cout.flush();
            exit_code = 0;
        } catch (const BadInput& e) {
            exit_code = report_bad_input(e, std::cerr);
        } catch (const std::exception& e) {
            exit_code = report_internal_error(e.what(), std::cerr);
        }
    });
    return subcommand;
}

std::unique_ptr<app::Application> open_existing_installation(const std::string& url) {
    if (const auto file = missing_sqlite_file(url)) {
        throw BadInput{"cli.document.no_database", {{"file", *file}}};
    }
    return app::Application::open(url, app::system_clock(), 1);
}

}  // namespace alis::cli
