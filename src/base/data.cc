#include "corroborate/base/data.h"

#include <cstdio>
#include <cstdlib>

#include "base/embedded_data.h"
#include "corroborate/base/strings.h"

namespace corroborate::data {

std::string_view Get(std::string_view name) {
  for (const EmbeddedFile* f = kEmbeddedFiles; !f->name.empty(); ++f) {
    if (f->name == name) return f->bytes;
  }
  std::fprintf(stderr, "corroborate: data file '%.*s' is not embedded in this build\n",
               static_cast<int>(name.size()), name.data());
  std::abort();
}

std::vector<std::string_view> Names() {
  std::vector<std::string_view> out;
  for (const EmbeddedFile* f = kEmbeddedFiles; !f->name.empty(); ++f) out.push_back(f->name);
  return out;
}

std::vector<Row> Table(std::string_view name) {
  std::vector<Row> rows;
  int line_no = 0;
  for (std::string_view line : Split(Get(name), '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    Row row;
    row.line = line_no;
    for (std::string_view f : Split(line, '\t')) row.fields.push_back(Trim(f));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string_view> Lines(std::string_view name) {
  std::vector<std::string_view> out;
  for (std::string_view line : Split(Get(name), '\n')) {
    std::string_view t = Trim(line);
    if (t.empty() || t[0] == '#') continue;
    out.push_back(t);
  }
  return out;
}

}  // namespace corroborate::data
