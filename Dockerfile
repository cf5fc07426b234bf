# For hosts other than Streamlit Community Cloud: `docker build -t ded . && docker run -p 8501:8501 ded`
FROM python:3.11-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
ENV STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_HEADLESS=true
EXPOSE 8501
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health')"
# Rebuild data/ only if seeds/ changed since the committed build, then serve.
CMD ["sh", "-c", "python -m etl -q && exec streamlit run app.py"]
