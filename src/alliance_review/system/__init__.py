"""Everything that differs by platform, in one package (no Qt, no SQLite, no app layers).

Windows is where most users are; macOS and the Debian/Ubuntu-based desktops of government
offices follow. Code elsewhere never touches a POSIX-only ``os`` attribute (``O_NONBLOCK``,
``fchmod``, ``getuid``...) nor ``msvcrt``/``fcntl``: it calls these modules instead.

- ``host``: which platform this is (``IS_WINDOWS``, ``IS_MAC``).
- ``reading``: ``open_for_reading(path)``: a file from elsewhere, regular files only.
- ``writing``: ``atomic_file(target)``: the one atomic writer; ``replace(src, dst)``.
- ``permissions``: ``export_mode()``, ``make_private(path)``.
- ``places``: ``data_dir()``, ``config_dir()``, ``log_dir()``, ``private_dir(*parts)``.
- ``console``: ``prepare_console()``: CLI output that never fails on the console's code page.
- ``names``: ``file_name(*parts, suffix=...)``: a name safe on every platform.
- ``oserrors``: ``os_error_reason(error)``: what an ``OSError`` means, in Chinese and English.
- ``fonts``: ``song_font()``: the system's Song/Ming TrueType font (SimSun, Songti, UMing).
- ``locks`` (the reviewer engineer's): one window per file.
- ``limits``: ``limit_memory(bytes)`` for a worker reading untrusted documents;
  ``new_group()`` / ``kill_tree(process)`` to end a helper program with its children.
"""
