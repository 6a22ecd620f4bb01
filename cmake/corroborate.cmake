# corroborate_library(<stage> SOURCES ... DEPS ...)
# One static library per pipeline stage: target `corroborate_<stage>`. Public headers live
# in include/corroborate/<stage>/, private ones beside the sources in src/<stage>/.
function(corroborate_library stage)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  set(target corroborate_${stage})
  add_library(${target} STATIC ${ARG_SOURCES})
  target_include_directories(${target}
    PUBLIC ${PROJECT_SOURCE_DIR}/include
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${target} PUBLIC ${ARG_DEPS})
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
endfunction()

# Embeds every file under data/ into the binary, so the CLI, the tests and any other host
# find the lexicons without a data directory at run time.
function(corroborate_embed_data out_var)
  file(GLOB_RECURSE data_files CONFIGURE_DEPENDS
    RELATIVE ${PROJECT_SOURCE_DIR}/data ${PROJECT_SOURCE_DIR}/data/*)
  list(SORT data_files)
  set(abs_files "")
  foreach(f ${data_files})
    list(APPEND abs_files ${PROJECT_SOURCE_DIR}/data/${f})
  endforeach()
  set(out ${PROJECT_BINARY_DIR}/generated/embedded_data.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DDATA_DIR=${PROJECT_SOURCE_DIR}/data
            -DOUT=${out} -P ${PROJECT_SOURCE_DIR}/cmake/embed_data.cmake
    DEPENDS ${abs_files} ${PROJECT_SOURCE_DIR}/cmake/embed_data.cmake
    COMMENT "Embedding data/ lexicons")
  set(${out_var} ${out} PARENT_SCOPE)
endfunction()
