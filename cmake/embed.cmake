# alis_embed(OUTPUT FILES): generates OUTPUT, a C++ file defining alis::embedded::files(), a table
# from each file's path relative to the source root (e.g. "migrations/sqlite/0001_init.sql") to its
# contents. The file is regenerated whenever one of FILES changes.
function(alis_embed output files)
  set(list_file ${output}.list)
  file(WRITE ${list_file}.new "${files}")
  file(COPY_FILE ${list_file}.new ${list_file} ONLY_IF_DIFFERENT)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DROOT=${CMAKE_SOURCE_DIR} -DLIST=${list_file}
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake
    DEPENDS ${files} ${list_file} ${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake
    COMMENT "Embedding migrations, templates, messages, rulesets and demo data")
endfunction()
