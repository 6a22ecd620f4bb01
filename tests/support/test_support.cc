#include "support/test_support.h"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace corroborate::testing {

namespace fs = std::filesystem;

fs::path SourceDir() { return CORROBORATE_SOURCE_DIR; }
fs::path SharedDir() {
  if (const char* env = std::getenv("CORROBORATE_SHARED_DIR")) return env;
  return CORROBORATE_SHARED_DIR;
}
fs::path ExampleDir() { return SourceDir() / "examples" / "harbour-fire"; }

TempDir::TempDir() {
  std::random_device rd;
  path_ = fs::temp_directory_path() / ("corroborate-test-" + std::to_string(rd()) + std::to_string(rd()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path TempDir::Write(const std::string& name, const std::string& bytes) const {
  fs::path p = path_ / name;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << bytes;
  return p;
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

namespace {

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

}  // namespace

CommandResult RunCli(const std::vector<std::string>& args, const std::optional<std::string>& stdin_text) {
  TempDir tmp;
  std::string cmd = Quote(CORROBORATE_BINARY);
  for (const std::string& a : args) cmd += " " + Quote(a);
  if (stdin_text) {
    fs::path in = tmp.Write("stdin", *stdin_text);
    cmd += " < " + Quote(in.string());
  } else {
    cmd += " < /dev/null";
  }
  fs::path out = tmp.path() / "out", err = tmp.path() / "err";
  cmd += " > " + Quote(out.string()) + " 2> " + Quote(err.string());
  int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

ingest::Article MakeArticle(const std::string& id, const std::string& text,
                            const std::optional<std::string>& published) {
  ingest::Article a;
  a.id = id;
  a.text = text;
  a.input = id;
  if (published) {
    a.published = *published;
    a.published_date = Date::FromIso(*published);
  }
  return a;
}

}  // namespace corroborate::testing
