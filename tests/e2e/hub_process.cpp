#include "hub_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <regex>

extern char** environ;

namespace hub::test {

std::filesystem::path HubBinary() { return std::filesystem::path(HUB_BINARY_DIR) / "bin" / "hub"; }

std::unique_ptr<HubProcess> HubProcess::Start(const std::vector<std::string>& args) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) return nullptr;  // dup2 in the child clears the flag
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  std::string binary = HubBinary().string();
  std::vector<char*> argv{binary.data()};
  std::vector<std::string> copies = args;
  for (std::string& arg : copies) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    return nullptr;
  }
  return std::unique_ptr<HubProcess>(new HubProcess(pid, pipe_fds[0]));
}

HubProcess::HubProcess(pid_t pid, int output_fd) : pid_(pid), output_fd_(output_fd) {
  reader_ = std::thread([this] { ReadOutput(); });
}

HubProcess::~HubProcess() {
  if (!exit_status_) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  reader_.join();
  close(output_fd_);
}

void HubProcess::ReadOutput() {
  char buffer[4096];
  while (true) {
    ssize_t count = read(output_fd_, buffer, sizeof(buffer));
    std::lock_guard lock(mutex_);
    if (count <= 0) {
      output_closed_ = true;
      changed_.notify_all();
      return;
    }
    output_.append(buffer, static_cast<std::size_t>(count));
    changed_.notify_all();
  }
}

bool HubProcess::WaitForOutput(const std::string& needle, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] {
    return output_.find(needle) != std::string::npos || output_closed_;
  }) && output_.find(needle) != std::string::npos;
}

std::optional<int> HubProcess::WaitForExit(std::chrono::milliseconds timeout) {
  if (exit_status_) return exit_status_;
  {
    std::unique_lock lock(mutex_);
    if (!changed_.wait_for(lock, timeout, [&] { return output_closed_; })) return std::nullopt;
  }
  int status = 0;
  if (waitpid(pid_, &status, 0) != pid_) return std::nullopt;
  exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return exit_status_;
}

void HubProcess::Signal(int signal) const { kill(pid_, signal); }

std::string HubProcess::Output() const {
  std::lock_guard lock(mutex_);
  return output_;
}

std::uint16_t HubProcess::Port() const {
  static const std::regex kServing(R"(serving on [^ ]+:(\d+))");
  std::smatch match;
  std::string output = Output();
  if (!std::regex_search(output, match, kServing)) return 0;
  return static_cast<std::uint16_t>(std::stoi(match[1].str()));
}

CommandResult RunHub(const std::vector<std::string>& args, std::chrono::seconds limit) {
  auto process = HubProcess::Start(args);
  if (!process) return {};
  std::optional<int> status = process->WaitForExit(limit);
  return {status.value_or(-1), process->Output()};
}

}  // namespace hub::test
