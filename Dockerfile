# One image for every process of the portal; docker-compose.yml picks the command (the Procfile's lines).
# Production by default: no process starts with a development secret (README "Running for real").
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN for dir in services/*/translations; do pybabel -q compile -d "$dir"; done \
    && useradd --system --no-create-home wscc && mkdir -p var/documents && chown -R wscc var
# Not root: a process taken over must not own the container (and Celery warns about root workers).
USER wscc
ENV PYTHONUNBUFFERED=1 WSCC_ENV=production
