#pragma once

#include <string>
#include <vector>

#include "app/application.hpp"
#include "domain/date.hpp"

namespace alis::app {

// Completed courses in the demo (issue 14): the demo trainee (alis@demo.alis.no) has the first
// course of their ruleset, so one is still missing for them to record; two more doctors in
// training in Bergen have every required course. Each certificate is a small PDF made here
// (demo_certificate_pdf), stored as an upload is. One transaction; the same date gives the same
// data. Returns how many courses it added.
int add_demo_courses(Application& app, domain::Date as_of);

// A one-page PDF of `heading`, `lines` below it and a small `footnote`: a valid PDF 1.4 file
// (Helvetica, WinAnsiEncoding, a correct cross-reference table) that passes
// domain::attachment_media_type. For the demo and the tests.
std::string demo_pdf(const std::string& heading, const std::vector<std::string>& lines,
                     const std::string& footnote);

// demo_pdf of a certificate of `course` for `person`, completed on `day`, marked as a demo
// certificate.
std::string demo_certificate_pdf(const std::string& person, const std::string& course,
                                 domain::Date day);

}  // namespace alis::app
