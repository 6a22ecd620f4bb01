// A minimal parallel-for: runs fn(i) for i in [0, n) on `threads` workers. Each index is
// processed exactly once and results are stored by index, so output never depends on the
// thread count.
#ifndef CORROBORATE_SRC_PIPELINE_PARALLEL_H_
#define CORROBORATE_SRC_PIPELINE_PARALLEL_H_

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace corroborate::pipeline {

template <typename Fn>
void ParallelFor(size_t n, size_t threads, Fn fn) {
  if (threads == 0) threads = std::max<size_t>(1, std::thread::hardware_concurrency());
  threads = std::min(threads, n);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++) fn(i);
    });
  }
  for (std::thread& th : pool) th.join();
}

}  // namespace corroborate::pipeline

#endif  // CORROBORATE_SRC_PIPELINE_PARALLEL_H_
