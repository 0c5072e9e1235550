# Every instruction below has a mistake that `docker build` rejects before running anything.
# Layerwise underlines each one: hover a squiggle, or open the Problems panel (Ctrl+Shift+M).
FROM scratch AS base
COPY busybox /bin/busybox
RUNN ["/bin/busybox", "--install", "-s", "/bin"]
WORKDIR
ENV GREETING
COPY /bin/busybox
SHELL /bin/sh -c
RUN echo "${GREETING:?}" && echo "${GREETING"
RUN <<EOF
echo "this heredoc is never closed"
