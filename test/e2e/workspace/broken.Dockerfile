FROM scratch
FORM scratch
ENV GREETING=${NAME
RUN <<EOF
echo never closed
